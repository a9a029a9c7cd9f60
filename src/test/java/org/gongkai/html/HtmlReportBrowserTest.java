package org.gongkai.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Opens a rendered report.html in headless Chromium and fails on any console error, uncaught
 * exception, failed or non-local request, or script dialog; checks through the DOM that the
 * hostile township name arrived as text, not as an element; saves a screenshot as {@code
 * target/report-screenshot.png}. Talks to Chromium over the DevTools protocol with Java's own
 * WebSocket client, with a bound on every wait. Skipped when /usr/bin/chromium is absent.
 */
class HtmlReportBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Duration START = Duration.ofSeconds(60);
  private static final Duration CALL = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String DOM_CHECKS = "JSON.stringify({"
      + "scripts: document.querySelectorAll('script').length,"
      + "svgs: document.querySelectorAll('svg.chart').length,"
      + "title: document.title,"
      + "scriptText: document.body.innerText.includes('<script>alert(1)</script>镇'),"
      + "formulaText: document.body.innerText.includes('=HYPERLINK(\"http://x\")'),"
      + "svgTitle: Array.from(document.querySelectorAll('svg title')).some(t => t.textContent === '"
      + "<script>alert(1)</script>镇'),"
      + "findings: document.querySelectorAll('table.findings tbody tr').length,"
      + "trends: Array.from(document.querySelectorAll('#t-341503 svg.trend')).filter(s => s.getBoundingClientRect().width > 100"
      + " && s.querySelectorAll('circle').length > 0).length,"
      + "trendYears: Array.from(document.querySelectorAll('#t-341503 svg.trend')[0]?.querySelectorAll('text.year') || [])"
      + ".map(t => t.textContent).join(','),"
      + "rejects: Array.from(document.querySelectorAll('#t-341503 table.rejects tbody tr')).map(r => r.innerText"
      + ".replace(/\\s+/g, ' ').trim()),"
      + "noRejects: (document.querySelector('#t-341502')?.innerText || '').includes('本区乡镇没有被拒收的记录')"
      + "})";

  @Test
  void reportOpensCleanlyInChromium() throws Exception {
    Visit v = visit(HtmlReportFixture.page(), "report.html", Path.of("target", "report-screenshot.png"));
    JsonNode dom = v.dom();
    assertEquals(0, dom.get("scripts").asInt(), "no script element in the page: " + dom);
    assertTrue(dom.get("scriptText").asBoolean(), "the script name shows as text: " + dom);
    assertTrue(dom.get("formulaText").asBoolean(), "the formula name shows as text: " + dom);
    assertTrue(dom.get("svgTitle").asBoolean(), "and as text inside the SVG: " + dom);
    assertEquals(20, dom.get("svgs").asInt(), "5 charts × 2 districts × 2 years: " + dom);
    assertTrue(dom.get("findings").asInt() > 0, dom.toString());
    assertEquals(6, dom.get("trends").asInt(), "a trend per family and one of coverage, drawn and visible: " + dom);
    assertEquals("2017,2018", dom.get("trendYears").asText(), dom.toString());
    assertEquals("[\"2018 苏埠镇 341503100 BAD_COUNT data/yuan-2018.csv line 7\","
        + "\"2018 独山镇 341503104 UNKNOWN_REGION /elsewhere/x.csv line 9\"]", dom.get("rejects").toString(),
        "the district's rejects, file names relative to the job's folder: " + dom);
    assertTrue(dom.get("noRejects").asBoolean(), dom.toString());
    assertTrue(dom.get("title").asText().contains("sample <test>"), dom.toString());
    assertEquals(List.of(), v.problems(), "console errors, failed or external requests, dialogs");
  }

  /** The harness itself: a page with a console error, a failing request and a script is caught. */
  @Test
  void harnessCatchesWhatWouldBeWrong() throws Exception {
    String bad = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\"></head><body>"
        + "<p>x</p><img src=\"missing.png\"><script>console.error('boom')</script></body></html>";
    Visit v = visit(bad, "bad.html", null);
    assertEquals(1, v.dom().get("scripts").asInt());
    String all = String.join("\n", v.problems());
    assertTrue(all.contains("console.error") && all.contains("boom"), all);
    assertTrue(all.contains("request failed: file:") && all.contains("missing.png"), all);
  }

  record Visit(List<String> problems, JsonNode dom) {}

  /** Opens the page in headless Chromium; the DOM checks, what went wrong, and optionally a screenshot. */
  private static Visit visit(String html, String name, Path screenshot) throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM);
    Path dir = Path.of("target", "report-browser").toAbsolutePath();
    Files.createDirectories(dir);
    Path page = dir.resolve(name);
    Files.writeString(page, html, StandardCharsets.UTF_8);
    Path profile = Files.createTempDirectory("gongkai-chromium-");
    Process chromium = null;
    DevTools devtools = null;
    try {
      chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
          "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-extensions", "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
          "--user-data-dir=" + profile, "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1",
          "--window-size=1280,1000", "about:blank")
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      String browserWs = devToolsUrl(chromium);
      devtools = DevTools.connect(pageTarget(browserWs));
      for (String domain : List.of("Runtime", "Log", "Network", "Page")) {
        devtools.call(domain + ".enable", JSON.createObjectNode());
      }
      CompletableFuture<JsonNode> loaded = devtools.event("Page.loadEventFired");
      JsonNode nav = devtools.call("Page.navigate", JSON.createObjectNode().put("url", page.toUri().toString()));
      assertTrue(!nav.has("errorText") || nav.get("errorText").asText().isEmpty(), "navigation failed: " + nav);
      loaded.get(CALL.toSeconds(), TimeUnit.SECONDS);
      Thread.sleep(500); // late console messages and requests
      JsonNode dom = devtools.evaluate(DOM_CHECKS);
      if (screenshot != null) {
        screenshot(devtools, screenshot);
      }
      return new Visit(devtools.problems(), dom);
    } finally {
      if (devtools != null) {
        devtools.close();
      }
      if (chromium != null) {
        chromium.destroy();
        if (!chromium.waitFor(10, TimeUnit.SECONDS)) {
          chromium.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      }
      deleteTree(profile);
    }
  }

  /** Reads Chromium's stderr until "DevTools listening on ws://…", then keeps draining it. */
  private static String devToolsUrl(Process p) throws Exception {
    CompletableFuture<String> url = new CompletableFuture<>();
    StringBuilder log = new StringBuilder();
    Pattern listening = Pattern.compile("DevTools listening on (ws://\\S+)");
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          synchronized (log) {
            if (log.length() < 20_000) {
              log.append(line).append('\n');
            }
          }
          Matcher m = listening.matcher(line);
          if (m.find()) {
            url.complete(m.group(1));
          }
        }
      } catch (IOException e) {
        // the process ended
      }
      url.completeExceptionally(new IllegalStateException("Chromium exited before DevTools listened"));
    }, "chromium-stderr");
    reader.setDaemon(true);
    reader.start();
    try {
      return url.get(START.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      synchronized (log) {
        throw new IllegalStateException("Chromium did not start DevTools: " + e + "\n" + log, e);
      }
    }
  }

  /** The WebSocket of the browser's first page, from the /json/list endpoint. */
  private static String pageTarget(String browserWs) throws Exception {
    URI u = URI.create(browserWs);
    HttpClient http = HttpClient.newBuilder().connectTimeout(CALL).build();
    long deadline = System.nanoTime() + CALL.toNanos();
    while (true) {
      HttpResponse<String> r = http.send(
          HttpRequest.newBuilder(URI.create("http://" + u.getHost() + ":" + u.getPort() + "/json/list")).timeout(CALL).GET()
              .build(), HttpResponse.BodyHandlers.ofString());
      for (JsonNode t : JSON.readTree(r.body())) {
        if ("page".equals(t.path("type").asText()) && t.hasNonNull("webSocketDebuggerUrl")) {
          return t.get("webSocketDebuggerUrl").asText();
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no page target: " + r.body());
      }
      Thread.sleep(200);
    }
  }

  private static void screenshot(DevTools devtools, Path file) throws Exception {
    JsonNode metrics = devtools.call("Page.getLayoutMetrics", JSON.createObjectNode());
    JsonNode size = metrics.has("cssContentSize") ? metrics.get("cssContentSize") : metrics.get("contentSize");
    double width = Math.max(800, Math.min(2000, size.path("width").asDouble(1280)));
    double height = Math.max(600, Math.min(12000, size.path("height").asDouble(1000)));
    ObjectNode params = JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true);
    params.putObject("clip").put("x", 0).put("y", 0).put("width", width).put("height", height).put("scale", 1);
    JsonNode shot = devtools.call("Page.captureScreenshot", params);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
    assertTrue(Files.size(file) > 10_000, "a screenshot with something on it");
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | java.io.UncheckedIOException e) {
      // a temporary directory: best effort (Chromium's helper processes may still be removing
      // their own files while the walk runs)
    }
  }

  /** A minimal DevTools protocol client over java.net.http.WebSocket. */
  static final class DevTools implements WebSocket.Listener {
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<JsonNode>> awaited = new ConcurrentHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final Map<String, String> urls = new ConcurrentHashMap<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket ws;

    static DevTools connect(String url) throws Exception {
      DevTools d = new DevTools();
      d.ws = HttpClient.newBuilder().connectTimeout(CALL).build().newWebSocketBuilder().connectTimeout(CALL)
          .buildAsync(URI.create(url), d).get(CALL.toSeconds(), TimeUnit.SECONDS);
      return d;
    }

    /** A future for the next event of this method. */
    CompletableFuture<JsonNode> event(String method) {
      return awaited.computeIfAbsent(method, k -> new CompletableFuture<>());
    }

    JsonNode call(String method, ObjectNode params) throws Exception {
      int id = ids.incrementAndGet();
      CompletableFuture<JsonNode> f = new CompletableFuture<>();
      pending.put(id, f);
      ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
      msg.set("params", params);
      ws.sendText(JSON.writeValueAsString(msg), true).get(CALL.toSeconds(), TimeUnit.SECONDS);
      JsonNode r = f.get(CALL.toSeconds(), TimeUnit.SECONDS);
      if (r.has("error")) {
        throw new IllegalStateException(method + ": " + r.get("error"));
      }
      return r.path("result");
    }

    /** Evaluates an expression that returns a JSON string, and parses it. */
    JsonNode evaluate(String expression) throws Exception {
      JsonNode r = call("Runtime.evaluate",
          JSON.createObjectNode().put("expression", expression).put("returnByValue", true));
      if (r.has("exceptionDetails")) {
        throw new IllegalStateException("evaluate: " + r.get("exceptionDetails"));
      }
      return JSON.readTree(r.path("result").path("value").asText());
    }

    synchronized List<String> problems() {
      return new ArrayList<>(problems);
    }

    private synchronized void problem(String p) {
      problems.add(p);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          handle(JSON.readTree(text));
        } catch (IOException e) {
          problem("unreadable DevTools message: " + e);
        }
      }
      webSocket.request(1);
      return null;
    }

    private void handle(JsonNode msg) {
      if (msg.has("id")) {
        CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
        if (f != null) {
          f.complete(msg);
        }
        return;
      }
      String method = msg.path("method").asText();
      JsonNode p = msg.path("params");
      switch (method) {
        case "Runtime.exceptionThrown" -> problem("exception: " + p.path("exceptionDetails"));
        case "Runtime.consoleAPICalled" -> {
          String type = p.path("type").asText();
          if (type.equals("error") || type.equals("assert")) {
            problem("console." + type + ": " + p.path("args"));
          }
        }
        case "Log.entryAdded" -> {
          if ("error".equals(p.path("entry").path("level").asText())) {
            problem("log error: " + p.path("entry"));
          }
        }
        case "Network.loadingFailed" -> problem("request failed: " + urls.getOrDefault(p.path("requestId").asText(), "?")
            + " " + p.path("errorText").asText());
        case "Network.requestWillBeSent" -> {
          String url = p.path("request").path("url").asText();
          urls.put(p.path("requestId").asText(), url);
          if (!url.startsWith("file:") && !url.startsWith("data:") && !url.equals("about:blank")) {
            problem("request to " + url);
          }
        }
        case "Page.javascriptDialogOpening" -> problem("a script dialog opened: " + p);
        default -> { }
      }
      CompletableFuture<JsonNode> f = awaited.get(method);
      if (f != null) {
        f.complete(p);
      }
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      problem("DevTools connection: " + error);
      pending.values().forEach(f -> f.completeExceptionally(error));
    }

    void close() {
      try {
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        ws.abort();
      }
    }
  }
}
