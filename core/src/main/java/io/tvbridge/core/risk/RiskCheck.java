package io.tvbridge.core.risk;

import java.util.Optional;

/** One rule every planned order passes. A refusal names the check and the numbers that failed it. */
public interface RiskCheck {

    /** The check's name, as rejections and the settings call it. */
    String name();

    /** Empty when the order passes; otherwise why not, in words and numbers a trader understands. */
    Optional<String> refuse(CheckContext context);
}
