// The interop tests start real processes and measure exit latencies; running them one class at
// a time keeps a trimmed publish from competing with those measurements for the two cores, and
// keeps two fixtures from building the Go host into the same folder at once.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
