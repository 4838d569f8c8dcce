package dev.patella.publish;

import java.io.IOException;

/** Opens the target an address names. */
public final class Targets {

    private Targets() {
    }

    /**
     * Opens a target; for SFTP this connects and logs in.
     *
     * @param ssh how to log in; unused for folders
     * @throws PublishRefusedException when the SSH login is refused (unknown or changed host key, no usable key),
     *                                 or the folder above the target's folder does not exist
     * @throws IOException             when the server cannot be reached
     */
    public static Target open(TargetAddress address, SshOptions ssh) throws IOException {
        if (address instanceof TargetAddress.Sftp sftp) {
            return SftpTarget.open(sftp, ssh);
        }
        var target = new FileTarget(((TargetAddress.Folder) address).root());
        target.requireParent();
        return target;
    }
}
