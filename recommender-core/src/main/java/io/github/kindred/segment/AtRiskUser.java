package io.github.kindred.segment;

/**
 * One user the at-risk rule flagged (see {@link AtRiskConfig}), with the figures behind the decision. All days are
 * calendar days in the rule's time zone.
 *
 * @param user the user index in the log
 * @param visits number of days with at least one event, up to the reference time
 * @param lastVisitDay the day of the last visit, in days since 1970-01-01
 * @param meanGapDays the usual gap: mean days between consecutive visits
 * @param silentDays days from the last visit to the reference day
 * @param thresholdDays the silence that had to be exceeded: {@code max(quietDays, gapMultiplier x meanGapDays)}
 * @param latenessDays how late the user is for their expected next visit ({@code lastVisitDay + meanGapDays}):
 *     {@code silentDays - meanGapDays}, positive
 */
public record AtRiskUser(int user, int visits, int lastVisitDay, double meanGapDays, int silentDays,
    double thresholdDays, double latenessDays) {}
