using Grpc.Core;
using Moq;
using WebexWholesale.Provider.Protocol;
using WebexWholesale.Provider.Protocol.PropertyValues;
using WebexWholesale.Provider.Resources.Errors;
using WebexWholesale.Provider.Webex;

namespace WebexWholesale.Tests.Protocol;

public sealed class ErrorInterceptorTests : IDisposable
{
    private readonly StringWriter _stderr = new();

    public void Dispose() => _stderr.Dispose();

    private async Task<RpcException> Fail(Exception error)
    {
        var sut = new ErrorInterceptor(_stderr);
        return await Assert.ThrowsAsync<RpcException>(() =>
            sut.UnaryServerHandler<string, string>("request", Mock.Of<ServerCallContext>(), (_, _) => throw error));
    }

    [Theory]
    [InlineData(ProviderErrorKind.InvalidInput, StatusCode.InvalidArgument)]
    [InlineData(ProviderErrorKind.Conflict, StatusCode.FailedPrecondition)]
    [InlineData(ProviderErrorKind.NotConfigured, StatusCode.FailedPrecondition)]
    [InlineData(ProviderErrorKind.NotFound, StatusCode.NotFound)]
    [InlineData(ProviderErrorKind.Unauthenticated, StatusCode.Unauthenticated)]
    [InlineData(ProviderErrorKind.PermissionDenied, StatusCode.PermissionDenied)]
    [InlineData(ProviderErrorKind.RateLimited, StatusCode.ResourceExhausted)]
    [InlineData(ProviderErrorKind.Unavailable, StatusCode.Unavailable)]
    [InlineData(ProviderErrorKind.TimedOut, StatusCode.DeadlineExceeded)]
    [InlineData(ProviderErrorKind.Cancelled, StatusCode.Cancelled)]
    public async Task ProviderErrors_MapToADefiniteCode(ProviderErrorKind kind, StatusCode expected)
    {
        var error = await Fail(new ProviderException(kind, "what happened"));

        Assert.Equal(expected, error.StatusCode);
        Assert.Equal("what happened", error.Status.Detail);
    }

    [Fact]
    public async Task WebexErrors_ReachTheUserWithTheResourceLayersAdvice()
    {
        var error = await Fail(new WebexApiException("read", "c1", System.Net.HttpStatusCode.Unauthorized, null, "T1"));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("pulumi config set --secret webex-wholesale:accessToken", error.Status.Detail);
    }

    [Fact]
    public async Task DecodeFailures_AreInvalidArgument() =>
        Assert.Equal(StatusCode.InvalidArgument, (await Fail(new PropertyEncodingException("address.city", "must be a string"))).StatusCode);

    [Fact]
    public async Task Cancellation_IsCancelled() =>
        Assert.Equal(StatusCode.Cancelled, (await Fail(new OperationCanceledException())).StatusCode);

    [Fact]
    public async Task AnUnexpectedFailure_IsInternal_WithTheStackTraceOnlyInTheDebugLog()
    {
        var error = await Fail(new InvalidOperationException("a bug"));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.DoesNotContain(" at ", error.Status.Detail);
        Assert.Contains("InvalidOperationException", _stderr.ToString());
    }
}
