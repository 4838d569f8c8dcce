package dev.patella.publish;

/** Told after each file is sent, so a long upload can show how far it has got. */
@FunctionalInterface
public interface Progress {

    /** Shows nothing. */
    Progress NONE = (files, totalFiles, bytes, totalBytes) -> { };

    /** Called once before the first file is sent. */
    default void starting(int totalFiles, long totalBytes) {
    }

    void sent(int files, int totalFiles, long bytes, long totalBytes);
}
