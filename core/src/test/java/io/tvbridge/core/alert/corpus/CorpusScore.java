package io.tvbridge.core.alert.corpus;

import java.util.List;

/** The verdicts on the whole corpus, counted as the issue counts them. */
public record CorpusScore(List<CorpusJudge.Verdict> verdicts) {
    public CorpusScore {
        verdicts = List.copyOf(verdicts);
    }

    /** Order messages that are not marked ambiguous: the ones that should become orders. */
    public long orders() {
        return verdicts.stream().filter(v -> v.entry().order() && !v.entry().ambiguous()).count();
    }

    public long exact() {
        return count(CorpusJudge.Kind.EXACT);
    }

    public long misread() {
        return count(CorpusJudge.Kind.MISREAD);
    }

    public long refusedOrders() {
        return verdicts.stream().filter(v -> v.kind() == CorpusJudge.Kind.REFUSED && v.entry().order()
                && !v.entry().ambiguous()).count();
    }

    public double exactShare() {
        return (double) exact() / orders();
    }

    private long count(CorpusJudge.Kind kind) {
        return verdicts.stream().filter(v -> v.kind() == kind).count();
    }

    /** Every verdict on a line, then the score. */
    public String report(String title) {
        StringBuilder out = new StringBuilder(title).append('\n');
        verdicts.forEach(v -> out.append("  ").append(v).append('\n'));
        out.append(String.format("%s: %d of %d order messages exact (%.1f%%), %d refused, %d misread;"
                        + " %d non-order or ambiguous messages, all refused unless misread above%n", title, exact(),
                orders(), 100 * exactShare(), refusedOrders(), misread(), verdicts.size() - orders()));
        return out.toString();
    }
}
