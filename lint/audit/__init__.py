"""`copydesk audit`: check a whole archive, partition by partition, on this
machine's processes or on a Dask cluster, with the one pipeline
(`lint.run.pipeline.Linter`) built once in each worker.

- `sources`: plan a source (folder, JSON Lines, Parquet) into partitions and read one
- `shards`: the Parquet tables (findings, documents) and their atomic writes
- `worker`: check one partition in a worker process
- `workerserver`: a LanguageTool server of each Dask worker's own (a worker plugin)
- `engines`: where partitions run (local processes, a LocalCluster, a cluster)
- `runner`: the run: plan, resume, progress, failed partitions
- `ruletest`: a draft rule file tested against the archive
"""
