package io.tvbridge.core.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The accounts file, {@code <data-dir>/accounts.ini}: the same settings as {@code ACCOUNTS} and
 * the accounts' own variables, a section each, read as the variables they stand for.
 *
 * <pre>
 * ROUTES = strategy:ema -> live; fx:* -> fx     # before the first section: the daemon's own
 *
 * [live]
 * broker = ibkr                                 # ACCOUNTS=live:ibkr,...
 * IBKR_PORT = 4001                              # LIVE_IBKR_PORT=4001
 *
 * [shadow]
 * broker = paper
 * follows = live                                # SHADOW_FOLLOWS=live
 * </pre>
 *
 * Lines are {@code .env} lines ({@code KEY=value}, {@code #} comments, quotes).
 */
public final class AccountsFile {
    public static final String NAME = "accounts.ini";

    private AccountsFile() {
    }

    public static Path location(Path dataDirectory) {
        return dataDirectory.resolve(NAME);
    }

    /** The variables {@code file} stands for, or none when it does not exist. */
    public static Map<String, String> read(Path file) {
        return DotEnv.lines(file).map(lines -> parse(lines, file)).orElse(Map.of());
    }

    static Map<String, String> parse(List<String> lines, Path source) {
        Map<String, String> variables = new LinkedHashMap<>();
        List<String> accounts = new ArrayList<>();
        String section = null;
        List<String> sectionLines = new ArrayList<>();
        int sectionStart = 0;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i).strip() : "[";
            if (!line.startsWith("[")) {
                sectionLines.add(lines.get(i));
                continue;
            }
            Map<String, String> read = DotEnv.parse(sectionLines, source);
            if (section == null) {
                variables.putAll(read);
            } else {
                accounts.add(account(section, read, variables, source, sectionStart));
            }
            if (i == lines.size()) {
                break;
            }
            if (!line.endsWith("]") || line.length() < 3) {
                throw new ConfigException(source + " line " + (i + 1) + " is not a section like [live]");
            }
            section = line.substring(1, line.length() - 1).strip();
            sectionStart = i + 1;
            // blank lines keep the line numbers of a section's errors those of the file
            sectionLines = new ArrayList<>(Collections.nCopies(i + 1, ""));
        }
        if (!accounts.isEmpty()) {
            variables.put("ACCOUNTS", String.join(",", accounts));
        }
        return variables;
    }

    /** Adds the section's variables under the account's prefix; returns its {@code name:broker}. */
    private static String account(String name, Map<String, String> read, Map<String, String> variables, Path source,
                                  int line) {
        String prefix = name.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
        String broker = null;
        for (Map.Entry<String, String> entry : read.entrySet()) {
            String key = entry.getKey().toUpperCase(Locale.ROOT);
            if (key.equals("BROKER")) {
                broker = entry.getValue();
            } else {
                variables.put(prefix + key, entry.getValue());
            }
        }
        if (broker == null || broker.isBlank()) {
            throw new ConfigException(source + " line " + line + ": the account [" + name + "] names no broker"
                    + " (broker = ibkr, oanda, paper or a plugin's)");
        }
        return name + ":" + broker;
    }
}
