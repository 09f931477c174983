// 32 chained 256 x 16 memories with synchronous reads, one iCE40 block RAM each: more than a UP5K's 30.
module too_many_brams (
    input wire clk,
    input wire [7:0] address,
    input wire [3:0] data,
    output wire [3:0] q
);
    wire [15:0] chain [0:32];
    assign chain[0] = {12'd0, data};
    genvar i;
    generate
        for (i = 0; i < 32; i = i + 1) begin : ram
            reg [15:0] words [0:255];
            reg [15:0] read;
            always @(posedge clk) begin
                words[address] <= chain[i];
                read <= words[~address];
            end
            assign chain[i + 1] = read;
        end
    endgenerate
    assign q = chain[32][3:0] ^ chain[32][7:4] ^ chain[32][11:8] ^ chain[32][15:12];
endmodule
