package io.hookline.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** infra/terraform is laid out as terraform fmt would write it. */
class TerraformFormatTest {
    static final Path TERRAFORM = Path.of("").toAbsolutePath().getParent().resolve("infra/terraform");

    @Test
    void everyFileIsFormatted() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(TERRAFORM)) {
            files = list.filter(p -> p.toString().endsWith(".tf")).sorted().toList();
        }
        assertThat(files)
                .extracting(p -> p.getFileName().toString())
                .contains("versions.tf", "variables.tf", "s3.tf", "msk.tf", "topics.tf", "iam.tf", "outputs.tf");
        for (Path file : files) {
            assertThat(TerraformStyle.problems(Files.readString(file)))
                    .as(file.getFileName().toString())
                    .isEmpty();
        }
    }

    @Test
    void theCheckCatchesWhatFmtWouldChange() {
        assertThat(TerraformStyle.problems("""
                resource "a" "b" {
                  name = "x"
                  region_name = "y"
                   count = 1
                }
                """))
                .containsExactlyInAnyOrder(
                        "line 2: '=' not aligned with the attributes around it (one blank after the longest name)",
                        "line 4: indented 3 spaces, expected 2",
                        "line 4: '=' not aligned with the attributes around it (one blank after the longest name)");
        assertThat(TerraformStyle.problems("""
                resource "a" "b" {
                  name        = "x"
                  region_name = "y"

                  tags = {
                    a = "1"
                  }
                  text = <<-EOT
                      kept = as written
                  EOT
                }
                """)).isEmpty();
        assertThat(TerraformStyle.problems("a = 1\t\n")).containsExactly("line 1: tab");
    }
}
