package org.encore.training.dl4j;

import org.deeplearning4j.nn.conf.layers.Layer;
import org.encore.model.Architecture;
import org.encore.model.ModelSpec;
import org.encore.training.dl4j.kinds.KindNetworks;
import org.encore.training.dl4j.kinds.KindSettings;

import java.util.ArrayList;
import java.util.List;

/**
 * The layers of a variational autoencoder ({@link Architecture.Vae}, Mult-VAE): {@link KindNetworks}' encoder, Gaussian
 * coding ("coding", its mean at inference) and mirrored decoder, then the output with the spec's loss. The spec's L2
 * coefficient c (DL4J's: c/2 * sum(w^2)) becomes the kind networks' weight penalty c/2.
 * <p>
 * Anneal steps of 0 are scaled to the run: beta = min(betaCap, step / annealSteps) reaches the cap at the last update
 * of {@code epochs x ceil(trainUsers / batchSize)}, so annealSteps = that count / betaCap.
 */
final class VaeBuilder implements KindBuilder<Architecture.Vae> {

    @Override
    public Class<Architecture.Vae> kind() {
        return Architecture.Vae.class;
    }

    @Override
    public List<Layer> layers(Architecture.Vae vae, ModelSpec spec, int width, int trainUsers) {
        List<Integer> hidden = new ArrayList<>(vae.encoder());
        hidden.add(vae.coding());
        KindSettings settings = new KindSettings.Builder(KindSettings.Kind.MULT_VAE, width)
                .hidden(hidden)
                .activation(vae.activation())
                .inputDropout(vae.inputDropout())
                .weightPenalty(spec.training().l2() / 2)
                .loss(NetworkFactory.kindLoss(spec.loss()))
                .betaCap(vae.betaCap())
                .totalAnnealSteps(annealSteps(vae, spec, trainUsers))
                .updater(NetworkFactory.updater(spec.training().optimizer()))
                .seed(spec.training().seed())
                .build();
        return KindNetworks.layers(settings);
    }

    /** The spec's anneal steps, or when 0 the run's updates / betaCap (at least 1; 0 when the cap is 0). */
    static int annealSteps(Architecture.Vae vae, ModelSpec spec, int trainUsers) {
        if (vae.annealSteps() > 0 || vae.betaCap() <= 0) {
            return vae.annealSteps();
        }
        int batch = spec.training().batchSize();
        long updates = (long) spec.training().epochs() * ((Math.max(trainUsers, 1) + batch - 1) / batch);
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.ceil(updates / vae.betaCap())));
    }
}
