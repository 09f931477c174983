package dev.tern.bitnet.infer;

import dev.tern.bitnet.model.BitNetModel;
import dev.tern.bitnet.model.ContextLengthException;
import dev.tern.bitnet.model.ForwardPass;
import dev.tern.bitnet.model.KvCache;
import dev.tern.bitnet.model.TernaryMatmul;
import dev.tern.bitnet.model.WorkerPool;
import dev.tern.bitnet.tokenizer.StreamingDecoder;
import java.util.Arrays;

/**
 * Runs a model: prompt prefill in one batched forward pass, then one forward pass per generated token.
 * The {@link TernaryMatmul} is the backend of every BitLinear: the reference, an accelerator driver, or a
 * {@link VerifyingMatmul} running both.
 */
public final class Generator {
    private final BitNetModel model;
    private final TernaryMatmul matmul;
    private final WorkerPool pool;

    public Generator(BitNetModel model, TernaryMatmul matmul, WorkerPool pool) {
        this.model = model;
        this.matmul = matmul;
        this.pool = pool;
    }

    public BitNetModel model() {
        return model;
    }

    /** Tokenises {@code prompt} and generates from it. */
    public Generation generate(String prompt, GenerationOptions options, GenerationListener listener) {
        int[] promptTokens = model.tokenizer().encode(prompt, options.addBos(), options.parseSpecial());
        return generate(promptTokens, options, listener);
    }

    /** Generates from prompt tokens as given ({@link GenerationOptions#addBos()} does not apply). */
    public Generation generate(int[] promptTokens, GenerationOptions options, GenerationListener listener) {
        if (promptTokens.length == 0) {
            throw new ContextLengthException("the prompt is empty and no BOS was added: nothing to generate from");
        }
        int context = model.config().context();
        if (promptTokens.length > context) {
            throw new ContextLengthException("the prompt has " + promptTokens.length
                    + " tokens, more than the model's context of " + context);
        }
        listener.onPromptTokens(promptTokens.clone());
        BitLinearCounters counters = new BitLinearCounters();
        ForwardPass forward = new ForwardPass(model.weights(), matmul, pool, counters);
        KvCache cache = forward.newCache((int) Math.min(context, (long) promptTokens.length + options.maxNewTokens()));

        long start = System.nanoTime();
        float[] logits = forward.forward(cache, promptTokens, ForwardPass.Logits.LAST)[0];
        long prefillNanos = System.nanoTime() - start;
        listener.onPrefillDone(promptTokens.length, prefillNanos);

        Sampler sampler = new Sampler(options.sampling());
        StreamingDecoder decoder = new StreamingDecoder(model.tokenizer());
        StringBuilder text = new StringBuilder();
        int[] tokens = new int[options.maxNewTokens()];
        int count = 0;
        int decodeSteps = 0;
        StopReason reason = StopReason.MAX_TOKENS;
        long decodeStart = System.nanoTime();
        while (count < options.maxNewTokens()) {
            int token = sampler.next(logits);
            tokens[count] = token;
            String piece = decoder.accept(token);
            text.append(piece);
            listener.onToken(count, options.maxNewTokens(), token, piece);
            count++;
            if (options.stopAtEos() && token == model.tokenizer().eosId()) {
                reason = StopReason.EOS;
                break;
            }
            if (count == options.maxNewTokens()) {
                break;
            }
            if (cache.length() == cache.capacity()) {
                reason = StopReason.CONTEXT_FULL;
                break;
            }
            logits = forward.forward(cache, new int[] {token}, ForwardPass.Logits.LAST)[0];
            decodeSteps++;
        }
        text.append(decoder.finish());
        long decodeNanos = System.nanoTime() - decodeStart;
        Generation generation = new Generation(promptTokens.clone(), Arrays.copyOf(tokens, count), text.toString(),
                reason, prefillNanos, decodeSteps, decodeNanos, counters.snapshot());
        listener.onFinished(generation);
        return generation;
    }

    /** The logits at every position of {@code tokens} (one prefill); for scoring and comparisons. */
    public float[][] promptLogits(int[] tokens) {
        ForwardPass forward = new ForwardPass(model.weights(), matmul, pool, new BitLinearCounters());
        return forward.forward(forward.newCache(tokens.length), tokens, ForwardPass.Logits.ALL);
    }
}
