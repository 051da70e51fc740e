namespace Campaigns.Lambda;

/// <summary>Process environment access, behind an interface so tests can supply and observe variables.</summary>
public interface IEnvironmentVariables
{
    string? GetValue(string name);

    /// <summary>Sets <paramref name="name"/>, or removes it when <paramref name="value"/> is null.</summary>
    void SetValue(string name, string? value);
}
