-- The instances that run event processors, each renewing its row while it runs (io.orderflow.platform.axon.SegmentBalancer).
-- Times come from the database's clock only, so instances with skewed clocks still agree on who is alive.
CREATE TABLE processor_node (
    node_id      VARCHAR(255)             NOT NULL PRIMARY KEY,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL
);
