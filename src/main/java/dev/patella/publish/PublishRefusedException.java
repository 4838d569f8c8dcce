package dev.patella.publish;

/**
 * Publishing was refused for a reason the user can fix (the site was not built, the last build
 * failed, the target holds something else, the server's host key is unknown or changed). The message
 * says what is wrong and how to fix it.
 */
public final class PublishRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PublishRefusedException(String message) {
        super(message);
    }
}
