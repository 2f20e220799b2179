package com.storystudio.batch.simulator;

import java.util.List;
import java.util.Map;

/** A selected field with its arguments and, for object fields, its own selection set (empty for scalars). */
record GraphQlField(String name, Map<String, GraphQlValue> arguments, List<GraphQlField> selection) {
}
