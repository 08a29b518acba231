package io.orderflow.proof;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * {@code ./mvnw verify} needs only a JDK: without curl or jq, the README's walk-through is skipped with the reason,
 * as the browser tests are without Chromium, unless the build requires it ({@code .ci/run}).
 */
class ReadmeWalkThroughTest {

    @TempDir Path bin;

    @Test
    void skipsTheWalkThroughNamingWhatIsMissingWhenCurlAndJqAreNotInstalled() throws IOException {
        install("cat", "sleep", "grep");

        assertThatThrownBy(() -> ReadmeWalkThrough.assumeProgramsOn(bin.toString(), false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("needs jq, curl")
                .hasMessageContaining("apt-get install curl jq");
    }

    @Test
    void failsInsteadWhenTheBuildRequiresIt() throws IOException {
        install("cat", "sleep", "grep", "jq");

        assertThatThrownBy(() -> ReadmeWalkThrough.assumeProgramsOn(bin.toString(), true))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("needs curl,")
                .hasMessageContaining("-Dorderflow.walk-through-tests=required");
    }

    @Test
    void runsItWhenEveryProgramIsOnThePath() throws IOException {
        install("cat", "sleep", "grep", "jq", "curl");

        assertThatCode(() -> ReadmeWalkThrough.assumeProgramsOn("/nonexistent:" + bin, true)).doesNotThrowAnyException();
    }

    private void install(String... programs) throws IOException {
        for (String program : List.of(programs)) {
            Path file = Files.writeString(bin.resolve(program), "#!/bin/sh\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
