package io.storescheduler.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's embedding example, compiled and run against the domain jar alone, as another team would. */
class DomainJarExampleIT {

    private static final Path README = Path.of(System.getProperty("scheduler.readme", "../README.md"));

    @Test
    void the_readme_example_compiles_and_runs_against_the_domain_jar_alone(@TempDir Path work) throws Exception {
        var readme = Files.readString(README);
        var source = work.resolve("PartyCheck.java");
        Files.writeString(source, codeBlock(readme, "embed-example"));
        var jar = domainJar();

        var compiler = ToolProvider.getSystemJavaCompiler();
        var compiled = compiler.run(null, null, null, "--release", "21", "-cp", jar.toString(),
                "-d", work.toString(), source.toString());
        assertEquals(0, compiled, "the README example does not compile against " + jar);

        var process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", work + File.pathSeparator + jar, "PartyCheck").redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        assertEquals(codeBlock(readme, "embed-output").strip(), output.strip());
    }

    private static String codeBlock(String readme, String marker) {
        var matcher = Pattern.compile("<!-- " + marker + ":start -->\\s*```\\w*\\n(.*?)```\\s*<!-- " + marker + ":end -->",
                Pattern.DOTALL).matcher(readme);
        assertTrue(matcher.find(), "README has no " + marker + " block");
        return matcher.group(1);
    }

    private static Path domainJar() throws Exception {
        var target = Path.of(System.getProperty("scheduler.domain.target", "../scheduler-domain/target"));
        try (var files = Files.list(target)) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().matches("scheduler-domain-[^-]+(-SNAPSHOT)?\\.jar")).toList();
            assertEquals(1, jars.size(), "expected the domain jar in " + target + ": " + jars);
            return jars.get(0);
        }
    }
}
