package dev.bettybridge.inbox;

import dev.bettybridge.trigger.ActionOutcome;
import dev.bettybridge.trigger.TriggerRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the folder source: open a file, turn each line into a trigger request or a rejection, settle each
 * outcome, and when all lines have settled write the report and choose {@code .done/} or {@code .failed/}.
 */
public final class Inbox {

    static final String RUN = "bridgeInboxRun";
    static final String LINE = "bridgeInboxLine";
    static final String TARGET = "bridgeInboxTarget";

    /** Problem lines logged per file; the report holds all of them. */
    private static final int LOGGED_PROBLEMS = 20;

    private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final Path folder;

    public Inbox(Path folder) {
        this.folder = folder;
    }

    /**
     * Creates the inbox and its result folders.
     *
     * @throws UncheckedIOException when they cannot be created, naming the folder
     */
    public void prepare() {
        try {
            for (String sub : new String[] {".done", ".failed", ".work"}) {
                Files.createDirectories(folder.resolve(sub));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the inbox folder '" + folder.toAbsolutePath() + "'", e);
        }
    }

    /** Starts a file: its bookkeeping goes into an exchange property shared with every line. */
    public void open(Exchange exchange) {
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        String version = name + " " + exchange.getMessage().getHeader(Exchange.FILE_LENGTH, Long.class) + " bytes, "
                + exchange.getMessage().getHeader(Exchange.FILE_LAST_MODIFIED, Long.class);
        InboxRun run = InboxRun.start(name, version, folder.resolve(".work"));
        exchange.setProperty(RUN, run);
        if (run.triggeredEarlier() > 0) {
            LOG.info("Inbox file '{}': resumed; {} lines triggered before a stop are skipped", name,
                    run.triggeredEarlier());
        } else {
            LOG.info("Inbox file '{}': started", name);
        }
    }

    /**
     * The lines of the file, read as they are needed.
     *
     * @throws IOException when the file cannot be opened
     */
    public Iterator<InboxLine> lines(Exchange exchange) throws IOException {
        return InboxLines.open(Path.of(exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class)));
    }

    /**
     * Turns a line into a trigger request; blank lines and {@code #} comments give nothing, and so does a line that
     * is not a URL, which is rejected with its reason.
     */
    public TriggerRequest line(Exchange exchange) {
        InboxRun run = exchange.getProperty(RUN, InboxRun.class);
        InboxLine line = exchange.getMessage().getBody(InboxLine.class);
        String url = line.text().strip();
        if (url.isEmpty() || url.startsWith("#") || run.triggeredEarlier(line)) {
            return null;
        }
        Optional<String> problem = UrlCheck.problem(url);
        if (problem.isPresent()) {
            run.rejected(line, problem.get());
            logProblem(run, line, "rejected", problem.get());
            return null;
        }
        exchange.setProperty(LINE, line);
        run.handedOver();
        return new TriggerRequest(url, Map.of(), "line " + line.number() + " of '" + run.fileName() + "'");
    }

    /** Notes the outcome of a line that went to the trigger route. */
    public void settle(Exchange exchange) {
        InboxRun run = exchange.getProperty(RUN, InboxRun.class);
        InboxLine line = exchange.getProperty(LINE, InboxLine.class);
        ActionOutcome outcome = exchange.getMessage().getBody(ActionOutcome.class);
        if (outcome != null && outcome.triggered()) {
            run.triggered(line);
            return;
        }
        String reason = outcome == null ? "no outcome" : outcome.reason();
        run.failed(line, reason);
        logProblem(run, line, "failed", reason);
    }

    /** Notes a line whose trigger ended in an unexpected exception, so that the file still completes. */
    public void settleException(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        InboxRun run = exchange.getProperty(RUN, InboxRun.class);
        InboxLine line = exchange.getProperty(LINE, InboxLine.class);
        if (caught instanceof InterruptedException) {
            run.failed(line, "not triggered: the bridge stopped first");
            return;
        }
        String reason = "unexpected " + (caught == null ? "error" : caught.getClass().getSimpleName() + ": "
                + caught.getMessage());
        run.failed(line, reason);
        LOG.error("Inbox file '{}' line {}: {}", run.fileName(), line.number(), reason, caught);
    }

    /**
     * Ends a file once every line has settled: writes the report beside where the file goes, and leaves that place,
     * relative to the inbox, in the property the file endpoint's {@code move} option reads.
     *
     * @throws InterruptedException when the process stops before the lines have settled; the file stays in the inbox
     */
    public void close(Exchange exchange) throws InterruptedException {
        InboxRun run = exchange.getProperty(RUN, InboxRun.class);
        run.awaitSettled();
        String outcome = run.failures() == 0 ? ".done" : ".failed";
        String target = outcome + "/" + LocalDateTime.now().format(STAMP) + "-" + run.fileName();
        String counts = run.writeReport(folder.resolve(target + ".report"));
        exchange.setProperty(TARGET, target);
        LOG.info("Inbox file '{}': {}; moved to '{}' with its report", run.fileName(), counts, target);
    }

    private static void logProblem(InboxRun run, InboxLine line, String what, String reason) {
        long problems = run.failures();
        if (problems <= LOGGED_PROBLEMS) {
            LOG.warn("Inbox file '{}' line {} {}: {}", run.fileName(), line.number(), what, reason);
        } else if (problems == LOGGED_PROBLEMS + 1) {
            LOG.warn("Inbox file '{}': more lines did not go through; the report lists every one", run.fileName());
        }
    }
}
