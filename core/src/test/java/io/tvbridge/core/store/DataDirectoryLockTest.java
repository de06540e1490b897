package io.tvbridge.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryLockTest {
    @TempDir
    Path folder;

    @Test
    void oneHolderAtATimeAndTheNextAfterItLetGo() throws Exception {
        Path data = folder.resolve("data");
        DataDirectoryLock first = DataDirectoryLock.acquire(data, "tvbridge run");
        assertThat(Files.readString(data.resolve(DataDirectoryLock.FILE_NAME)))
                .startsWith("pid " + ProcessHandle.current().pid() + ", tvbridge run, since ");

        assertThatThrownBy(() -> DataDirectoryLock.acquire(folder.resolve("data/../data"), "tvbridge db restore"))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("the data directory " + folder.resolve("data/../data")
                        + " is in use by a running tvbridge (pid " + ProcessHandle.current().pid()
                        + ", tvbridge run, since ")
                .hasMessageEndingWith("); stop it first");

        first.close();
        first.close();   // harmless
        try (DataDirectoryLock second = DataDirectoryLock.acquire(data, "tvbridge db restore")) {
            assertThat(Files.readString(data.resolve(DataDirectoryLock.FILE_NAME))).contains("tvbridge db restore");
        }
    }

    @Test
    void directoriesAreLockedEachOnItsOwn() {
        try (DataDirectoryLock a = DataDirectoryLock.acquire(folder.resolve("a"), "tvbridge run");
             DataDirectoryLock b = DataDirectoryLock.acquire(folder.resolve("b"), "tvbridge run")) {
            assertThat(folder.resolve("a").resolve(DataDirectoryLock.FILE_NAME)).exists();
            assertThat(folder.resolve("b").resolve(DataDirectoryLock.FILE_NAME)).exists();
        }
    }
}
