package org.encore.training.dl4j;

import org.deeplearning4j.nn.conf.layers.Layer;
import org.encore.model.Architecture;
import org.encore.model.ModelSpec;
import org.encore.training.dl4j.kinds.KindNetworks;
import org.encore.training.dl4j.kinds.KindSettings;
import org.encore.training.dl4j.kinds.UserNodeDenseLayer;

import java.util.List;

/**
 * The layers of a collaborative denoising autoencoder ({@link Architecture.Cdae}): {@link KindNetworks}' first layer
 * with a node per training user ({@link UserNodeDenseLayer}: its input carries the user's index in an extra last
 * column, -1 for no node), named "coding", then the output with the spec's loss. The number of user nodes is the
 * plan's training users; the trainer gives each its position among the plan's training rows.
 */
final class CdaeBuilder implements KindBuilder<Architecture.Cdae> {

    @Override
    public Class<Architecture.Cdae> kind() {
        return Architecture.Cdae.class;
    }

    @Override
    public List<Layer> layers(Architecture.Cdae cdae, ModelSpec spec, int width, int trainUsers) {
        if (trainUsers < 1) {
            throw new IllegalArgumentException("a cdae network needs the number of training users (its user nodes)");
        }
        KindSettings settings = new KindSettings.Builder(KindSettings.Kind.CDAE, width)
                .hidden(List.of(cdae.units()))
                .activation(cdae.activation())
                .inputDropout(cdae.corruption())
                .weightPenalty(spec.training().l2() / 2)
                .loss(NetworkFactory.kindLoss(spec.loss()))
                .users(trainUsers)
                .updater(NetworkFactory.updater(spec.training().optimizer()))
                .seed(spec.training().seed())
                .build();
        return KindNetworks.layers(settings);
    }
}
