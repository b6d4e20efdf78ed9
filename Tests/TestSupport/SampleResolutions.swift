/// Small fictional resolutions in the ITU Council's style, written for the tests.
public enum SampleText {
    /// Three operative paragraphs: a recurring report, a date within a month of the test clock, an invitation.
    public static let tracked = """
        Document C31/9-E
        4 March 2031
        Tracking the review
        The Council,
        considering
        a)\tthat the review needs regular reports,
        instructs the Secretary-General
        1\tto report annually to the Council on Action Line C7;
        2\tto publish the data by 20 June 2026;
        invites Member States
        1\tto share their experience.
        """
}
