package dev.bettybridge.sandbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Thread-safe, in-memory list of the records that successful action calls created, in creation order. */
final class RecordStore {

    private final Clock clock;
    private final List<SandboxRecord> records = new ArrayList<>();
    private long lastId;

    RecordStore(Clock clock) {
        this.clock = clock;
    }

    /**
     * Stores a record with the next id; the input is deep-copied so later changes by the caller do not leak in.
     *
     * @return the stored record
     */
    synchronized SandboxRecord add(String actionId, Map<String, Object> input) {
        // Id and append under one lock, so ids and list order always agree.
        lastId++;
        SandboxRecord record = new SandboxRecord(lastId, actionId, JsonValues.readOnlyCopy(input), clock.instant());
        records.add(record);
        return record;
    }

    synchronized List<SandboxRecord> snapshot() {
        return List.copyOf(records);
    }

    synchronized int size() {
        return records.size();
    }
}
