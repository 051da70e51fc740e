namespace Campaigns.RuntimeApi;

/// <summary>What a runtime posted for an invocation: its response, or its error.</summary>
/// <param name="ErrorType">For errors: the Lambda-Runtime-Function-Error-Type header, <c>Runtime.Unknown</c> when absent.</param>
/// <param name="ArrivedTimestamp">A <see cref="System.Diagnostics.Stopwatch"/> timestamp taken as the call arrived, before its body was read.</param>
public sealed record PostedResult(bool IsError, byte[] Body, string? ErrorType, long ArrivedTimestamp);
