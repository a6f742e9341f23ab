package io.corridor.consensus.fbas;

/**
 * Why an input was rejected. The codes are stable: scripts may match on {@link #code()}.
 */
public enum InputErrorCode {
    /** The file does not exist, cannot be read or is not UTF-8. */
    FILE_UNREADABLE("file_unreadable"),
    /** The text is not JSON (RFC 8259, no extensions). */
    JSON_SYNTAX("json_syntax"),
    /** The text is longer than the reader's bound. */
    JSON_TOO_LARGE("json_too_large"),
    /** Arrays and objects are nested deeper than the reader's bound. */
    JSON_TOO_DEEP("json_too_deep"),
    /** The JSON is well formed but not in the stellarbeat nodes format. */
    FORMAT("format"),
    /** Two entries describe the same public key. */
    DUPLICATE_NODE("duplicate_node"),
    /** The FBAS has more nodes than the analysis accepts. */
    TOO_MANY_NODES("too_many_nodes"),
    /** A node named on the command line is not part of the FBAS. */
    UNKNOWN_NODE("unknown_node"),
    /** The command line itself is wrong. */
    USAGE("usage");

    private final String code;

    InputErrorCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
