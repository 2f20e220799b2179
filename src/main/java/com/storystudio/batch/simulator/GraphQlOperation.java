package com.storystudio.batch.simulator;

import java.util.List;
import java.util.Map;

/**
 * A parsed GraphQL operation.
 *
 * @param type             "query" or "mutation"
 * @param variableDefaults default values declared in the operation header, e.g. {@code ($min: Int = 0)}
 */
record GraphQlOperation(String type, Map<String, GraphQlValue> variableDefaults, List<GraphQlField> selection) {
}
