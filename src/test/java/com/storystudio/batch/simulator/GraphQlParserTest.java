package com.storystudio.batch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GraphQlParserTest {

    private final GraphQlParser parser = new GraphQlParser(new GraphQlLexer());
    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void layoutCommasAndCommentsDoNotMatter() {
        GraphQlOperation compact = parser.parse("mutation{updateEndpoint(input:{id:\"e\",workersMin:0}){id workersMin}}");
        GraphQlOperation spread = parser.parse("""
                # turn the active worker off
                mutation   DisableWorker
                {
                  updateEndpoint ( input : {
                      id : "e" ,
                      workersMin : 0 ,
                  } ) {
                    id ,
                    workersMin
                  }
                }
                """);
        assertThat(spread.type()).isEqualTo("mutation");
        assertThat(spread.selection()).hasToString(compact.selection().toString());
    }

    @Test
    void anonymousShorthandIsAQuery() {
        GraphQlOperation operation = parser.parse("{ endpoint(id: \"e\") { id } }");
        assertThat(operation.type()).isEqualTo("query");
        assertThat(operation.selection()).extracting(GraphQlField::name).containsExactly("endpoint");
    }

    @Test
    void valuesResolveFromLiteralsVariablesAndDefaults() {
        GraphQlOperation operation = parser.parse("mutation M($id: String!, $min: Int = 2, $idle: Int, $list: [Int!]) {"
                + " updateEndpoint(input: {id: $id, workersMin: $min, idleTimeout: $idle, name: \"a\\\"b\\u0041\","
                + " flag: true, nothing: null, ratio: 1.5, big: 3000000000, tags: [1, $min]}) { id } }");
        assertThat(operation.variableDefaults()).containsOnlyKeys("min");

        JsonNode variables = mapper.readTree("{\"id\":\"e\",\"min\":0}");
        JsonNode input = operation.selection().get(0).arguments().get("input").resolve(variables);
        assertThat(input.get("id").stringValue()).isEqualTo("e");
        assertThat(input.get("workersMin").intValue()).isZero();
        assertThat(input.has("idleTimeout")).as("an unset variable leaves the field out").isFalse();
        assertThat(input.get("name").stringValue()).isEqualTo("a\"bA");
        assertThat(input.get("flag").booleanValue()).isTrue();
        assertThat(input.get("nothing").isNull()).isTrue();
        assertThat(input.get("ratio").doubleValue()).isEqualTo(1.5);
        assertThat(input.get("big").longValue()).isEqualTo(3_000_000_000L);
        assertThat(input.get("tags").toString()).isEqualTo("[1,0]");
    }

    @Test
    void unsupportedOrBrokenDocumentsAreRefusedWithAMessage() {
        assertThatThrownBy(() -> parser.parse("query { endpoint(id: \"e\") { ...F } }"))
                .isInstanceOf(GraphQlException.class).hasMessageContaining("fragments");
        assertThatThrownBy(() -> parser.parse("query { e: endpoint(id: \"e\") { id } }"))
                .isInstanceOf(GraphQlException.class).hasMessageContaining("aliases");
        assertThatThrownBy(() -> parser.parse("query { endpoint(id: \"e) { id } }"))
                .isInstanceOf(GraphQlException.class).hasMessageContaining("unterminated string");
        assertThatThrownBy(() -> parser.parse("query { endpoint(id: \"e\") { id }"))
                .isInstanceOf(GraphQlException.class).hasMessageContaining("end of document");
        assertThatThrownBy(() -> parser.parse("subscription { endpoint }"))
                .isInstanceOf(GraphQlException.class).hasMessageContaining("subscription");
        assertThatThrownBy(() -> parser.parse("query { a } query { b }"))
                .isInstanceOf(GraphQlException.class).hasMessageContaining("one operation");
        assertThatThrownBy(() -> parser.parse(""))
                .isInstanceOf(GraphQlException.class);
    }
}
