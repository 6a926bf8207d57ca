package io.watchkeeper.codescanner.iac.hcl;

/** A file that is not HCL2 the parser understands; the scanner reports it as skipped, never fails on it. */
public final class HclException extends RuntimeException {

    private final int line;

    public HclException(String message, int line) {
        super(message + " (line " + line + ")");
        this.line = line;
    }

    public int line() {
        return line;
    }
}
