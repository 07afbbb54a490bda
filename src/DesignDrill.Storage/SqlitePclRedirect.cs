using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace DesignDrill.Storage;

/// <summary>
/// The one place that makes Microsoft.Data.Sqlite 10 run on SQLitePCLRaw 2.0.6.
/// </summary>
/// <remarks>
/// Why: Microsoft.Data.Sqlite 10.0.14 is compiled against SQLitePCLRaw 2.1.x, but the NuGet source of the build
/// machines serves only 2.0.6 (ECOSYSTEM.md, "SQLite"). NuGet resolves the lower version with warnings NU1605/NU1603
/// (silenced in the project file), and 2.0.6 does everything the store needs; but the runtime refuses to bind a
/// reference to 2.1.x to the 2.0.6 assembly in the application folder, and raises
/// <see cref="AssemblyLoadContext.Resolving"/>. This handler answers by loading the SQLitePCLRaw assembly of that name
/// from the application folder. A module initializer installs it, so it runs before any code of this assembly — and so
/// before the first SQLite connection the store opens. When the machines serve SQLitePCLRaw 2.1, delete this file,
/// the two pins and the NoWarn.
/// </remarks>
internal static class SqlitePclRedirect
{
    private static int _redirects;

    /// <summary>Whether the handler was installed (the module initializer ran).</summary>
    internal static bool Installed { get; private set; }

    /// <summary>How many SQLitePCLRaw assembly loads the handler has answered in this process.</summary>
    internal static int Redirects => Volatile.Read(ref _redirects);

    /// <summary>Installs the handler; run once per process by the runtime, before any other code of this assembly.</summary>
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
        Justification = "The redirect must be in place before Microsoft.Data.Sqlite first loads SQLitePCLRaw; see the remarks.")]
    internal static void Install()
    {
        AssemblyLoadContext.Default.Resolving += Resolve;
        Installed = true;
    }

    /// <summary>
    /// Answers a failed load of an SQLitePCLRaw assembly with the file of that name in the application folder, loaded
    /// into the asking context; returns null for any other assembly, or when the file is not there.
    /// </summary>
    internal static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        if (name.Name is not { } simpleName || !simpleName.StartsWith("SQLitePCLRaw", StringComparison.Ordinal))
        {
            return null;
        }

        var path = Path.Combine(AppContext.BaseDirectory, simpleName + ".dll");
        if (!File.Exists(path))
        {
            return null;
        }

        Interlocked.Increment(ref _redirects);
        return context.LoadFromAssemblyPath(path);
    }
}
