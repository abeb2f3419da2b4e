package dev.deskcc.dist.author;

import dev.deskcc.dist.support.Build;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A temporary local Maven repository holding this build's deskcc artifacts, laid out as
 * {@code mvn install} lays them out, so that a plugin author's build resolves them exactly as it
 * would after {@code mvn install} — without this test writing dev.deskcc artifacts into the
 * machine's own {@code ~/.m2} (which other builds share). Everything else the author's build needs
 * comes from {@code ~/.m2} through a file:// mirror: no network.
 */
final class AuthorRepository {
  private final Path root;

  private AuthorRepository(Path root) {
    this.root = root;
  }

  /** What an outside plugin build resolves: the parent pom, the BOM, the libraries, the archetype. */
  static AuthorRepository install(Path root) throws IOException {
    AuthorRepository repo = new AuthorRepository(root);
    Path src = Build.repoRoot();
    repo.put("deskcc-parent", src.resolve("pom.xml"), null);
    repo.put("deskcc-bom", src.resolve("bom/pom.xml"), null);
    repo.putModule("plugin-api", src.resolve("plugin-api"));
    repo.putModule("host-simulator", src.resolve("host-simulator"));
    repo.putModule("deskcc-junit", src.resolve("junit"));
    repo.putModule("deskcc-plugin-archetype", src.resolve("plugin-archetype"));
    return repo;
  }

  Path root() {
    return root;
  }

  /** A settings file whose only repository is this machine's local repository, read as a mirror. */
  Path settings(Path folder) throws IOException {
    return Files.writeString(folder.resolve("settings.xml"), """
        <settings>
          <mirrors>
            <mirror><id>this-machine</id><mirrorOf>*</mirrorOf><url>%s</url></mirror>
          </mirrors>
        </settings>
        """.formatted(Build.localRepository().toUri()));
  }

  private void putModule(String artifactId, Path module) throws IOException {
    Path jar = module.resolve("target").resolve(artifactId + "-" + Build.artifactVersion() + ".jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build the reactor (mvn verify) before this test");
    }
    put(artifactId, module.resolve("pom.xml"), jar);
  }

  private void put(String artifactId, Path pom, Path jar) throws IOException {
    String version = Build.artifactVersion();
    Path folder = Files.createDirectories(root.resolve("dev/deskcc").resolve(artifactId).resolve(version));
    Files.copy(pom, folder.resolve(artifactId + "-" + version + ".pom"), StandardCopyOption.REPLACE_EXISTING);
    if (jar != null) {
      Files.copy(jar, folder.resolve(artifactId + "-" + version + ".jar"), StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
