using DesignDrill.Core.Review;
using DesignDrill.Core.Tests.Review;

namespace DesignDrill.Core.Tests.Analysis;

public sealed class StorageNeedsTests
{
    [Fact]
    public void Should_size_a_store_by_the_estimate_that_names_an_entity_it_holds()
    {
        // Given the payments sample: payment(...) in payments_db, and payment_storage_5y ≈ 7.3 TB
        var report = DesignReviewer.Review(RepoFiles.Read("samples/flawed/fragile-payments.md"));

        // When
        var store = report.Analysis.FindComponent("payments_db")!;

        // Then
        store.StorageNeed.ShouldNotBeNull().EstimateName.ShouldBe("payment_storage_5y");
        store.StorageNeed.Bytes.ShouldBe(report.Estimates.Values["payment_storage_5y"].Value);
        store.StorageCapacityBytes.ShouldNotBeNull().ShouldBe(1e12);
        store.StorageUtilization.ShouldNotBeNull().ShouldBeGreaterThan(1);
    }

    [Fact]
    public void Should_use_the_largest_storage_estimate_only_when_one_store_is_written()
    {
        var single = "## Estimates\nitems = 1M / day\nstorage_5y = items * 5 years * 1 KB\n## Architecture\napi: service x2\ndb: postgres, shards 4\nflow w at items, write: client -> api -> db\n";
        var two = single.Replace("flow w at items, write: client -> api -> db", "blobs: s3\nflow w at items, write: client -> api -> db + blobs", StringComparison.Ordinal);

        var one = DesignReviewer.Review(single).Analysis.FindComponent("db")!;
        var guessed = DesignReviewer.Review(two).Analysis.FindComponent("db")!;

        one.StorageNeed.ShouldNotBeNull().EstimateName.ShouldBe("storage_5y");
        one.StorageCapacityBytes.ShouldBe(4e12);
        guessed.StorageNeed.ShouldBeNull();
    }
}
