package dev.bettybridge.sandbox;

import graphql.schema.DataFetchingEnvironment;
import java.util.List;

/** Data fetchers of the public {@code records} and {@code recordCount} queries, so a user can inspect the results. */
final class RecordQueries {

    private final RecordStore records;

    RecordQueries(RecordStore records) {
        this.records = records;
    }

    /** Returns the records in creation order, only those of {@code actionId} when that argument is given. */
    List<SandboxRecord> records(DataFetchingEnvironment env) {
        String actionId = env.getArgument("actionId");
        List<SandboxRecord> all = records.snapshot();
        return actionId == null ? all : all.stream().filter(r -> r.actionId().equals(actionId)).toList();
    }

    int recordCount(DataFetchingEnvironment env) {
        return records.size();
    }

    /** Returns a record's creation time as ISO-8601. */
    String createdAt(DataFetchingEnvironment env) {
        SandboxRecord record = env.getSource();
        return record.createdAt().toString();
    }
}
