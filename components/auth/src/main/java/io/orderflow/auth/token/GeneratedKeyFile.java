package io.orderflow.auth.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signing key of a run without configured keys, kept in a PKCS#8 PEM file that only its owner may read
 * (0600, in a 0700 directory): generated at the first start, read at every later one, so a restart signs no
 * customer out. A file others may read stops the start, as one that holds no key does ({@link SigningKeys}):
 * silently generating a new key would sign everyone out, and using an exposed one would let others sign tokens.
 */
final class GeneratedKeyFile {

    private static final Logger log = LoggerFactory.getLogger(GeneratedKeyFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private GeneratedKeyFile() {
    }

    /** The PEM text of the key kept in {@code file}, or empty when there is none yet. */
    static Optional<String> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            Set<PosixFilePermission> exposed = EnumSet.noneOf(PosixFilePermission.class);
            exposed.addAll(Files.getPosixFilePermissions(file));
            exposed.retainAll(OTHERS);
            if (!exposed.isEmpty()) {
                throw new IllegalStateException("the signing key " + file + " may be read or changed by others ("
                        + PosixFilePermissions.toString(Files.getPosixFilePermissions(file)) + "); chmod 600 it, or delete it to "
                        + "generate a new one (tokens it signed are then refused)");
            }
            return Optional.of(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signing key " + file, e);
        }
    }

    /** Keeps {@code key} in {@code file}, readable by its owner only. */
    static void store(Path file, PrivateKey key) {
        try {
            write(file, key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the generated signing key in " + file
                    + "; configure orderflow.auth.keys, or an orderflow.data-directory this process may write", e);
        }
        log.warn("No orderflow.auth.keys configured: generated a signing key and kept it in {} (owner only). It is reused at "
                + "every start; other instances do not accept its tokens. Configure keys in production.", file);
    }

    /** Written to a file that is owner-only from its creation, flushed to disk, then renamed into place. */
    private static void write(Path file, PrivateKey key) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
        }
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Path temporary = Files.createTempFile(directory, ".signing-key", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(pem.getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
