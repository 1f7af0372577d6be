namespace Relay.Server.Operations.Internal;

/// <summary>A batch handed from the reading stage to the writer, with the task checking its lines.</summary>
internal readonly record struct CheckedBatch(ImportBatch Batch, Task Check);
