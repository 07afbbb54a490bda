namespace DesignDrill.Storage.Tests;

public sealed class ProgressStorePathsTests
{
    [Fact]
    public void Should_use_the_DESIGNDRILL_DATA_folder_when_it_is_set()
    {
        // Given
        var environment = Environment(("DESIGNDRILL_DATA", "/srv/drill"));

        // When
        var path = ProgressStorePaths.Resolve(environment, "/home/ana/.local/share");

        // Then
        path.ShouldBe("/srv/drill/progress.db");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Should_use_local_application_data_otherwise(string? value)
    {
        // Given
        var environment = Environment(("DESIGNDRILL_DATA", value));

        // When
        var path = ProgressStorePaths.Resolve(environment, "/home/ana/.local/share");

        // Then
        path.ShouldBe("/home/ana/.local/share/DesignDrill/progress.db");
    }

    [Fact]
    public void Should_say_what_to_set_when_there_is_no_folder_for_data()
    {
        // When
        var error = Should.Throw<ProgressStoreException>(() => ProgressStorePaths.Resolve(Environment(), ""));

        // Then
        error.Problem.ShouldBe(ProgressStoreProblem.CannotCreate);
        error.Message.ShouldContain("Set DESIGNDRILL_DATA to a writable folder.");
    }

    private static Func<string, string?> Environment(params (string Name, string? Value)[] variables) =>
        name => variables.Where(v => v.Name == name).Select(v => v.Value).FirstOrDefault();
}

[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;

[Collection(nameof(ProcessEnvironment))]
public sealed class DefaultLocationTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string? _saved = Environment.GetEnvironmentVariable(ProgressStorePaths.DataEnvironmentVariable);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(ProgressStorePaths.DataEnvironmentVariable, _saved);
        _folder.Dispose();
    }

    [Fact]
    public void Should_open_the_default_store_in_the_DESIGNDRILL_DATA_folder_and_create_it()
    {
        // Given
        var data = Path.Combine(_folder.FolderPath, "drill-data");
        Environment.SetEnvironmentVariable(ProgressStorePaths.DataEnvironmentVariable, data);

        // When
        using var store = new SqliteProgressStore();

        // Then
        store.Path.ShouldBe(Path.Combine(data, "progress.db"));
        File.Exists(store.Path).ShouldBeTrue();
    }
}
