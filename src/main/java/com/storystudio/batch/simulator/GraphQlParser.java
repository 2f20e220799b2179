package com.storystudio.batch.simulator;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A recursive-descent parser for the subset of GraphQL that RunPod's worker settings need: one query or
 * mutation, optionally named and with variable definitions, fields with arguments and nested selections.
 * Fragments, directives and aliases are refused with a clear error rather than misread.
 */
final class GraphQlParser {

    private final GraphQlLexer lexer;

    GraphQlParser(GraphQlLexer lexer) {
        this.lexer = lexer;
    }

    GraphQlOperation parse(String document) {
        return new Cursor(lexer.tokenize(document)).operation();
    }

    /** Parsing state for one document. */
    private static final class Cursor {

        private final List<GraphQlToken> tokens;
        private int index;

        Cursor(List<GraphQlToken> tokens) {
            this.tokens = tokens;
        }

        GraphQlOperation operation() {
            String type = "query";
            Map<String, GraphQlValue> defaults = Map.of();
            if (peek().kind() == GraphQlToken.Kind.NAME) {
                type = next().text();
                if (!type.equals("query") && !type.equals("mutation")) {
                    throw error("unsupported operation type '" + type + "'");
                }
                if (peek().kind() == GraphQlToken.Kind.NAME) {
                    next();
                }
                if (peekPunctuator("(")) {
                    defaults = variableDefinitions();
                }
            }
            if (peekPunctuator("@")) {
                throw error("directives are not supported");
            }
            List<GraphQlField> selection = selectionSet();
            if (peek().kind() != GraphQlToken.Kind.END) {
                throw error("only one operation per document is supported");
            }
            return new GraphQlOperation(type, defaults, selection);
        }

        private Map<String, GraphQlValue> variableDefinitions() {
            Map<String, GraphQlValue> defaults = new LinkedHashMap<>();
            expect("(");
            while (!peekPunctuator(")")) {
                expect("$");
                String name = name();
                expect(":");
                type();
                if (peekPunctuator("=")) {
                    next();
                    defaults.put(name, value());
                }
            }
            expect(")");
            return defaults;
        }

        /** Types are only checked by the values they carry, so the declared type is read and forgotten. */
        private void type() {
            if (peekPunctuator("[")) {
                next();
                type();
                expect("]");
            } else {
                name();
            }
            if (peekPunctuator("!")) {
                next();
            }
        }

        private List<GraphQlField> selectionSet() {
            expect("{");
            List<GraphQlField> fields = new ArrayList<>();
            do {
                fields.add(field());
            } while (!peekPunctuator("}"));
            expect("}");
            return fields;
        }

        private GraphQlField field() {
            String name = name();
            if (peekPunctuator(":")) {
                throw error("aliases are not supported");
            }
            Map<String, GraphQlValue> arguments = new LinkedHashMap<>();
            if (peekPunctuator("(")) {
                next();
                do {
                    String argument = name();
                    expect(":");
                    arguments.put(argument, value());
                } while (!peekPunctuator(")"));
                expect(")");
            }
            if (peekPunctuator("@")) {
                throw error("directives are not supported");
            }
            List<GraphQlField> selection = peekPunctuator("{") ? selectionSet() : List.of();
            return new GraphQlField(name, arguments, selection);
        }

        private GraphQlValue value() {
            GraphQlToken token = next();
            switch (token.kind()) {
                case STRING:
                    return literal(JsonNodeFactory.instance.stringNode(token.text()));
                case NUMBER:
                    return literal(number(token.text()));
                case NAME:
                    return switch (token.text()) {
                        case "true" -> literal(JsonNodeFactory.instance.booleanNode(true));
                        case "false" -> literal(JsonNodeFactory.instance.booleanNode(false));
                        case "null" -> literal(JsonNodeFactory.instance.nullNode());
                        default -> literal(JsonNodeFactory.instance.stringNode(token.text())); // an enum value
                    };
                case PUNCTUATOR:
                    return switch (token.text()) {
                        case "$" -> new GraphQlValue.Variable(name());
                        case "[" -> list();
                        case "{" -> object();
                        default -> throw unexpected(token);
                    };
                default:
                    throw unexpected(token);
            }
        }

        private GraphQlValue list() {
            List<GraphQlValue> items = new ArrayList<>();
            while (!peekPunctuator("]")) {
                items.add(value());
            }
            expect("]");
            return new GraphQlValue.ListValue(items);
        }

        private GraphQlValue object() {
            Map<String, GraphQlValue> fields = new LinkedHashMap<>();
            while (!peekPunctuator("}")) {
                String name = name();
                expect(":");
                fields.put(name, value());
            }
            expect("}");
            return new GraphQlValue.ObjectValue(fields);
        }

        private static GraphQlValue literal(JsonNode node) {
            return new GraphQlValue.Literal(node);
        }

        private static JsonNode number(String text) {
            boolean integral = !text.contains(".") && !text.contains("e") && !text.contains("E");
            if (!integral) {
                return JsonNodeFactory.instance.numberNode(Double.parseDouble(text));
            }
            BigInteger value = new BigInteger(text);
            return value.bitLength() <= 31
                    ? JsonNodeFactory.instance.numberNode(value.intValue())
                    : JsonNodeFactory.instance.numberNode(value);
        }

        private String name() {
            GraphQlToken token = next();
            if (token.kind() != GraphQlToken.Kind.NAME) {
                throw unexpected(token);
            }
            return token.text();
        }

        private void expect(String punctuator) {
            GraphQlToken token = next();
            if (!token.is(GraphQlToken.Kind.PUNCTUATOR, punctuator)) {
                throw new GraphQlException("Syntax Error: expected '" + punctuator + "' but found "
                        + describe(token) + " at position " + token.position());
            }
        }

        private boolean peekPunctuator(String punctuator) {
            return peek().is(GraphQlToken.Kind.PUNCTUATOR, punctuator);
        }

        private GraphQlToken peek() {
            return tokens.get(index);
        }

        private GraphQlToken next() {
            GraphQlToken token = tokens.get(index);
            if (token.kind() != GraphQlToken.Kind.END) {
                index++;
            }
            return token;
        }

        private GraphQlException unexpected(GraphQlToken token) {
            return new GraphQlException("Syntax Error: unexpected " + describe(token) + " at position "
                    + token.position());
        }

        private GraphQlException error(String message) {
            return new GraphQlException(message + " (at position " + peek().position() + ")");
        }

        private static String describe(GraphQlToken token) {
            return token.kind() == GraphQlToken.Kind.END ? "end of document" : "'" + token.text() + "'";
        }
    }
}
