package dev.patella.publish;

/** Told after each file is sent, so a long upload can show how far it has got. */
@FunctionalInterface
public interface Progress {

    /** Shows nothing. */
    Progress NONE = (files, totalFiles, bytes, totalBytes) -> { };

    void sent(int files, int totalFiles, long bytes, long totalBytes);
}
