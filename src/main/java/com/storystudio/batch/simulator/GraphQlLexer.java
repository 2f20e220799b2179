package com.storystudio.batch.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a GraphQL document into tokens. Whitespace, line breaks, commas and comments are insignificant in
 * GraphQL, so they vanish here and the parser never sees how a client laid out its query.
 */
final class GraphQlLexer {

    private static final Pattern IGNORED = Pattern.compile("(?:[\\s,\\uFEFF]|#[^\\n\\r]*)+");
    private static final Pattern NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]*");
    private static final Pattern NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");
    private static final String PUNCTUATORS = "!$()[]{}:=@&|";

    List<GraphQlToken> tokenize(String text) {
        List<GraphQlToken> tokens = new ArrayList<>();
        int pos = 0;
        while (true) {
            pos = skip(IGNORED, text, pos);
            if (pos >= text.length()) {
                tokens.add(new GraphQlToken(GraphQlToken.Kind.END, "", pos));
                return tokens;
            }
            char c = text.charAt(pos);
            Matcher name = NAME.matcher(text).region(pos, text.length());
            Matcher number = NUMBER.matcher(text).region(pos, text.length());
            if (name.lookingAt()) {
                tokens.add(new GraphQlToken(GraphQlToken.Kind.NAME, name.group(), pos));
                pos = name.end();
            } else if (number.lookingAt()) {
                tokens.add(new GraphQlToken(GraphQlToken.Kind.NUMBER, number.group(), pos));
                pos = number.end();
            } else if (c == '"') {
                pos = string(text, pos, tokens);
            } else if (text.startsWith("...", pos)) {
                throw new GraphQlException("fragments are not supported (at position " + pos + ")");
            } else if (PUNCTUATORS.indexOf(c) >= 0) {
                tokens.add(new GraphQlToken(GraphQlToken.Kind.PUNCTUATOR, String.valueOf(c), pos));
                pos++;
            } else {
                throw new GraphQlException("Syntax Error: unexpected character '" + c + "' at position " + pos);
            }
        }
    }

    private static int skip(Pattern pattern, String text, int pos) {
        Matcher matcher = pattern.matcher(text).region(pos, text.length());
        return matcher.lookingAt() ? matcher.end() : pos;
    }

    /** Reads a "..." string with GraphQL's escapes; block strings are not needed by any client of this API. */
    private static int string(String text, int start, List<GraphQlToken> tokens) {
        if (text.startsWith("\"\"\"", start)) {
            throw new GraphQlException("block strings are not supported (at position " + start + ")");
        }
        StringBuilder value = new StringBuilder();
        int pos = start + 1;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                tokens.add(new GraphQlToken(GraphQlToken.Kind.STRING, value.toString(), start));
                return pos;
            }
            if (c == '\n' || c == '\r') {
                break;
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            char escaped = text.charAt(pos++);
            switch (escaped) {
                case '"', '\\', '/' -> value.append(escaped);
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw new GraphQlException("Syntax Error: bad unicode escape at position " + pos);
                    }
                    try {
                        value.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException e) {
                        throw new GraphQlException("Syntax Error: bad unicode escape at position " + pos);
                    }
                    pos += 4;
                }
                default -> throw new GraphQlException(
                        "Syntax Error: invalid escape \\" + escaped + " at position " + (pos - 1));
            }
        }
        throw new GraphQlException("Syntax Error: unterminated string at position " + start);
    }
}
