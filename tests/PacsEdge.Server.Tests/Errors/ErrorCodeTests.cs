using PacsEdge.Plugins.Errors;
using PacsEdge.Server.Errors;

namespace PacsEdge.Server.Tests.Errors;

public class ErrorCodeTests
{
    public static TheoryData<ErrorCode> AllCodes() => new(Enum.GetValues<ErrorCode>());

    [Theory]
    [MemberData(nameof(AllCodes))]
    public void Each_code_range_maps_to_its_HTTP_status_class(ErrorCode code)
    {
        var status = code.HttpStatus();
        var expected = ((int)code / 1000) switch
        {
            1 => status is >= 400 and < 500 and not 404 and not 409,
            2 => status == 404,
            3 => status == 409,
            5 => status is 500 or 503 or 507,
            6 or 9 => status == 500,
            _ => false, // a code outside the documented ranges
        };
        Assert.True(expected, $"{code} ({(int)code}) maps to {status}");
        Assert.Matches("^urn:pacsedge:problem:[a-z]+(-[a-z]+)*$", code.ProblemType());
    }

    [Fact]
    public void Codes_and_problem_types_are_unique()
    {
        var codes = Enum.GetValues<ErrorCode>();
        Assert.Equal(codes.Length, codes.Select(c => (int)c).Distinct().Count());
        Assert.Equal(codes.Length, codes.Select(c => c.ProblemType()).Distinct().Count());
        Assert.Equal(codes.Length, codes.Select(c => c.Title()).Distinct().Count());
    }
}
