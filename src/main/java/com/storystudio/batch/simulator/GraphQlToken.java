package com.storystudio.batch.simulator;

/** One lexical token of a GraphQL document; {@code text} of a STRING is its unescaped value. */
record GraphQlToken(Kind kind, String text, int position) {

    enum Kind { NAME, STRING, NUMBER, PUNCTUATOR, END }

    boolean is(Kind expected, String expectedText) {
        return kind == expected && text.equals(expectedText);
    }
}
