package com.storystudio.batch.scene;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Reads a cell that must hold a whole number within bounds. Any size and any decimal notation is read, so that
 * {@code 99999999999999999999} or {@code 1e9} is "outside" the bounds rather than an overflow, and {@code 20.0}
 * (what a spreadsheet or pandas writes for a number column with blanks) is 20.
 *
 * @param verdict what the text holds
 * @param value   the number when {@link Verdict#IN_RANGE}, else 0
 */
record WholeNumber(Verdict verdict, int value) {

    /** ASCII digits only: {@code Integer.parseInt} would also take other scripts' digits. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    enum Verdict { IN_RANGE, OUT_OF_RANGE, NOT_WHOLE }

    static WholeNumber read(String text, int min, int max) {
        if (!DECIMAL.matcher(text).matches()) {
            return new WholeNumber(Verdict.NOT_WHOLE, 0);
        }
        BigDecimal number;
        try {
            number = new BigDecimal(text);
        } catch (NumberFormatException e) {
            // The pattern matched, so only the exponent can be at fault: beyond an int either way, so the number
            // is astronomically large or a hair from zero, outside any bounds that exclude 0 (as ours do).
            return new WholeNumber(Verdict.OUT_OF_RANGE, 0);
        }
        // Bounds first: they are cheap for a number of any length, and a number within them has few digits
        // before the point, so the remainder below stays cheap too.
        if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            return new WholeNumber(Verdict.OUT_OF_RANGE, 0);
        }
        if (number.remainder(BigDecimal.ONE).signum() != 0) {
            return new WholeNumber(Verdict.NOT_WHOLE, 0);
        }
        return new WholeNumber(Verdict.IN_RANGE, number.intValue());
    }
}
