package io.hookline.cli;

/** What the commands' exit codes mean. */
final class ExitCodes {
    /** Everything rendered. */
    static final int OK = 0;
    /** The job ran, but some renditions failed, the video was unreadable or some events were dead-lettered. */
    static final int PARTIAL = 1;
    /** Nothing ran: bad arguments, profiles or files. */
    static final int USAGE = 2;

    private ExitCodes() {}
}
