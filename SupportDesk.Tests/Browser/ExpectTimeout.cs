using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace SupportDesk.Tests.Browser;

/// <summary>
/// Playwright's assertions wait 5 s by default, its actions the 15 s each browser context is given. A page opened
/// for the first time after the app started compiles its queries, which on a busy 2-core machine takes longer than
/// 5 s: assertions wait as long as actions do.
/// </summary>
internal static class ExpectTimeout
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "The test assembly's own setting, made once before any test runs.")]
    internal static void Apply() => Assertions.SetDefaultExpectTimeout(15_000);
}
