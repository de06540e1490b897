package io.tvbridge.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvbridge.core.alert.corpus.AlertCorpus;
import io.tvbridge.core.alert.corpus.CorpusJudge;
import io.tvbridge.core.alert.corpus.CorpusScore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reads every message of the shared corpus (real alerts written for other products) and
 * judges what was understood: none read as a different order, every non-order and ambiguous
 * message refused, and the share of order messages read exactly as meant printed beside the
 * issue's bar of 80%. The share is held at the floor reached so far, which is below that bar:
 * most of the rest name no symbol (the sender's bot holds it) or need what tvbridge does not
 * do (options, scripts of several orders).
 */
class AlertCorpusTest {
    /** The corpus's {{timenow}}: the moment its messages were rendered for. */
    private static final Instant CORPUS_TIME = Instant.parse("2026-12-07T14:30:00Z");

    /** The bar issue 19 sets for the share of order messages read exactly as meant. */
    static final double ISSUE_BAR = 0.80;
    /** The share reached so far: a reader change that loses a message fails here. */
    static final double FLOOR = 0.78;

    @Test
    void readsOrderMessagesAsMeantAndMisreadsNone() {
        List<CorpusJudge.Verdict> verdicts = new ArrayList<>();
        for (AlertCorpus.Entry entry : AlertCorpus.entries()) {
            try {
                AlertReading reading = AlertDialects.read(entry.body());
                for (Alert alert : reading.alerts()) {
                    ContractExpiry.check(alert, CORPUS_TIME);
                }
                List<Map<String, String>> orders = reading.alerts().stream().map(AlertSummary::of).toList();
                verdicts.add(CorpusJudge.read(entry, orders));
            } catch (AlertProblem problem) {
                verdicts.add(CorpusJudge.refused(entry, problem.getMessage()));
            }
        }
        CorpusScore score = new CorpusScore(verdicts);
        System.out.println(score.report("alert reader on the corpus"));
        System.out.printf("issue 19's bar: %.0f%% of the order messages exact: %s%n", 100 * ISSUE_BAR,
                score.exactShare() >= ISSUE_BAR ? "met" : "NOT met");

        assertThat(verdicts).hasSize(87);
        assertThat(verdicts).filteredOn(v -> v.kind() == CorpusJudge.Kind.MISREAD).isEmpty();
        assertThat(verdicts).filteredOn(v -> !v.entry().order() || v.entry().ambiguous())
                .allMatch(v -> v.kind() == CorpusJudge.Kind.REFUSED);
        assertThat(score.exactShare()).isGreaterThanOrEqualTo(FLOOR);
    }
}
