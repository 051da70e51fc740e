namespace Campaigns.Lambda;

/// <summary>Process environment access, behind an interface so tests can supply and observe variables.</summary>
internal interface IEnvironmentVariables
{
    string? Get(string name);

    /// <summary>Sets <paramref name="name"/>, or removes it when <paramref name="value"/> is null.</summary>
    void Set(string name, string? value);
}
