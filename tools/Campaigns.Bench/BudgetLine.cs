namespace Campaigns.Bench;

/// <summary>
/// One line of the budget for one function: what it asks, what the run measured, and whether it was met;
/// <see cref="Met"/> is null when the run holds no figure that can decide it (a variant left out, too few
/// warm invocations, no arm64 zip).
/// </summary>
internal sealed record BudgetLine(string Function, string Rule, string Measured, bool? Met);
