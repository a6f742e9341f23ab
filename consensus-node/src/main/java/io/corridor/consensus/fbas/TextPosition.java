package io.corridor.consensus.fbas;

/**
 * A place in a text: 1-based line and column, 0-based character offset. {@link #UNKNOWN} stands for
 * errors that have no place in the text (a missing file, an option on the command line).
 */
public record TextPosition(int line, int column, int offset) {

    public static final TextPosition UNKNOWN = new TextPosition(0, 0, -1);

    public TextPosition {
        boolean unknown = line == 0 && column == 0 && offset == -1;
        if (!unknown && (line < 1 || column < 1 || offset < 0)) {
            throw new IllegalArgumentException("invalid text position " + line + ":" + column + " @" + offset);
        }
    }

    public boolean isKnown() {
        return offset >= 0;
    }

    @Override
    public String toString() {
        return isKnown() ? "line " + line + ", column " + column : "unknown position";
    }
}
