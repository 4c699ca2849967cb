package dev.graft.it.spring;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Spring Boot host's executable jar running as a child process, {@code java -Xmx256m
 * -XX:SoftRefLRUPolicyMSPerMB=0 -jar host.jar --server.port=<free port>
 * --graft.plugins.directory=<folder>}, with this JVM's {@code java} and no other JVM option (none
 * from the environment either: no {@code --add-opens}), its output in a file, and an HTTP/1.1
 * client for it. {@link #close()} ends it.
 */
final class HostProcess implements AutoCloseable {

    /** How long a host may take to answer its first request; a cold JVM on two busy cores takes a few seconds. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path output;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private HostProcess(Process process, Path output, int port) {
        this.process = process;
        this.output = output;
        this.port = port;
    }

    /**
     * Starts the host and returns once it answers HTTP; if it does not within
     * {@link #START_TIMEOUT}, or exits, it is ended and the failure holds its output.
     *
     * @param jar the host's executable jar
     * @param plugins the plugin folder
     * @param workDir the child's working directory, where its output goes
     */
    static HostProcess start(Path jar, Path plugins, Path workDir) throws IOException, InterruptedException {
        int port = freePort();
        Path output = workDir.resolve("host-output.txt");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // Soft references cleared at every collection, so that whether the unloaded plugin's loaders are
        // collected does not depend on free heap and time (Spring caches by soft reference); nothing else.
        ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-Xmx256m", "-XX:SoftRefLRUPolicyMSPerMB=0",
                "-jar", jar.toString(),
                "--server.port=" + port, "--graft.plugins.directory=" + plugins))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        // No JVM option from the environment either (an --add-opens there would hide a failed enhancement).
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("_JAVA_OPTIONS");
        Process process = builder.start();
        HostProcess host = new HostProcess(process, output, port);
        try {
            host.awaitReady();
            return host;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            host.close();
            throw e;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError("the host exited with code " + process.exitValue() + " before it answered" + outputForReport());
            }
            try {
                get("/greetings");
                return;
            } catch (ConnectException | HttpConnectTimeoutException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the host did not answer on port " + port + " within " + START_TIMEOUT + outputForReport());
                }
                Thread.sleep(100);
            }
        }
    }

    /** @return a GET of {@code path} on the host */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** @return a POST without body of {@code path} on the host */
    HttpResponse<String> post(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** @return what the host printed so far, framed for a failure message */
    String outputForReport() {
        String text;
        try {
            text = Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            text = "(cannot read " + output + ": " + e + ")";
        }
        return "\n----- host output (" + output + ") -----\n" + text + "----- end of host output -----";
    }

    /** Ends the host: politely (Spring closes its context), then forcibly after ten seconds. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
