using System.Buffers;
using System.Runtime.CompilerServices;
using DecidedAdmission = PodDefaults.Core.Admission.Admission;
using PodDefaults.Webhook.Server;

namespace PodDefaults.Tests.Core.Buffers;

/// <summary>
/// One rule for every pooled buffer: up to 1 MiB it is pooled, past that it goes back to no pool, so one huge
/// request or response does not stay in the process after it is answered.
/// </summary>
public sealed class PoolPolicyTests
{
    private const int Large = PooledArrays.MaxPooledBytes + 1;

    [Fact]
    public void An_array_over_1_MiB_is_not_kept_after_it_is_returned()
    {
        var array = RentAndReturn(Large);

        Assert.False(IsAlive(array));
    }

    [Fact]
    public void An_array_over_1_MiB_is_not_handed_out_again()
    {
        var first = PooledArrays.Rent(2 * PooledArrays.MaxPooledBytes);
        PooledArrays.Return(first);

        var second = ArrayPool<byte>.Shared.Rent(2 * PooledArrays.MaxPooledBytes);

        Assert.NotSame(first, second);
    }

    [Fact]
    public void An_array_up_to_1_MiB_goes_back_to_the_pool()
    {
        var first = PooledArrays.Rent(PooledArrays.MaxPooledBytes);
        Assert.Equal(PooledArrays.MaxPooledBytes, first.Length);
        PooledArrays.Return(first);

        var second = PooledArrays.Rent(PooledArrays.MaxPooledBytes);

        Assert.Same(first, second);
        PooledArrays.Return(second);
    }

    [Fact]
    public void A_buffer_writer_drops_a_buffer_over_1_MiB_when_cleared()
    {
        using var writer = new PooledBufferWriter();
        writer.Advance(writer.GetSpan(Large).Length);

        writer.Clear();

        Assert.Equal(0, writer.Capacity);
        Assert.Equal(0, writer.WrittenCount);
    }

    [Fact]
    public void A_buffer_writer_keeps_a_small_buffer_when_cleared()
    {
        using var writer = new PooledBufferWriter();
        writer.Advance(writer.GetSpan(100_000).Length);

        writer.Clear();

        Assert.True(writer.Capacity >= 100_000);
    }

    [Fact]
    public void The_response_pool_does_not_keep_a_response_over_1_MiB()
    {
        var policy = new AdmissionHandler.ResponseBufferPolicy();
        var response = policy.Create();
        response.Advance(response.GetSpan(Large).Length);

        Assert.True(policy.Return(response));

        Assert.Equal(0, response.Capacity);
    }

    [Fact]
    public void A_request_body_buffer_over_1_MiB_is_not_kept()
    {
        var budget = new RequestBodyBudget(16L * 1024 * 1024);
        var array = RentBodyAndReturn(budget, Large);

        Assert.False(IsAlive(array));
        Assert.Equal(0, budget.HeldBytes);
    }

    [Fact]
    public void An_admission_of_a_large_review_is_not_pooled()
    {
        var harness = new EngineHarness();
        var small = Encoding.UTF8.GetBytes(EngineHarness.Review("""{"metadata":{"name":"p","namespace":"ns"},"spec":{"containers":[{"name":"m"}]}}"""));
        var large = Encoding.UTF8.GetBytes(EngineHarness.Review(
            "{\"metadata\":{\"name\":\"p\",\"namespace\":\"ns\",\"annotations\":{\"big\":\"" + new string('x', AdmissionEngine.MaxPooledReviewBytes) +
            "\"}},\"spec\":{\"containers\":[{\"name\":\"m\"}]}}"));
        using var output = new PooledBufferWriter();

        var first = Decide(harness.Engine, small, output);
        var again = Decide(harness.Engine, large, output);
        var afterLarge = Decide(harness.Engine, small, output);

        Assert.Same(first, again);
        Assert.NotSame(again, afterLarge);
    }

    private static DecidedAdmission Decide(AdmissionEngine engine, byte[] review, PooledBufferWriter output)
    {
        output.Clear();
        var admission = engine.Review(review, output);
        admission.Dispose();
        return admission;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference RentAndReturn(int length)
    {
        var array = PooledArrays.Rent(length);
        PooledArrays.Return(array);
        return new WeakReference(array);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference RentBodyAndReturn(RequestBodyBudget budget, int length)
    {
        var array = budget.TryRent(length)!;
        Assert.Equal(length, budget.HeldBytes);
        budget.Return(array);
        return new WeakReference(array);
    }

    private static bool IsAlive(WeakReference reference)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return reference.IsAlive;
    }
}
