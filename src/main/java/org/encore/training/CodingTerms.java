package org.encore.training;

/**
 * A variational model's coding terms at the end of an epoch (Mult-VAE, Liang et al. 2018): the KL divergence of the
 * coding's posterior from N(0, I), the batch mean of the epoch's last update, and the KL weight beta it was scored
 * with (min(betaCap, step / annealSteps)).
 *
 * @param kl   0.5 * sum(-logvar + exp(logvar) + mu^2 - 1), averaged over the last batch's users
 * @param beta the KL weight of the last update
 */
public record CodingTerms(double kl, double beta) {
}
