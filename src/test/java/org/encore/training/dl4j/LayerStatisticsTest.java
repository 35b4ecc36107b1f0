package org.encore.training.dl4j;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.encore.data.RatingMatrix;
import org.encore.model.ModelSpec;
import org.encore.testutil.TinyData;
import org.encore.training.LayerStatistics;
import org.encore.training.RunControl;
import org.encore.training.TrainingException;
import org.encore.training.TrainingListener;
import org.encore.training.TrainingPlan;
import org.encore.model.OptimizerSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayerStatisticsTest {
    private static final RatingMatrix MATRIX = TinyData.fourGroupMatrix(60, 30, 5);

    private record Report(int epoch, List<LayerStatistics> statistics) {
    }

    private static List<Report> train(ModelSpec spec, Dl4jTrainedModel[] model) throws TrainingException {
        List<Report> reports = new ArrayList<>();
        model[0] = new Trainer(spec, MATRIX, TrainingPlan.reference(spec, MATRIX)).train(new TrainingListener() {
            @Override
            public void layerStatistics(int epoch, List<LayerStatistics> statistics) {
                reports.add(new Report(epoch, statistics));
            }
        }, new RunControl());
        return reports;
    }

    @Test
    void everyEpochReportsEveryLayerOnceWithFiniteHistogramsAndRatios() throws TrainingException {
        ModelSpec spec = TinyData.smallSpec().withTraining(t -> t.epochs(3));
        Dl4jTrainedModel[] model = new Dl4jTrainedModel[1];
        List<Report> reports = train(spec, model);
        assertEquals(List.of(1, 2, 3), reports.stream().map(Report::epoch).toList());
        List<String> names = model[0].layerNames();
        assertEquals(List.of("dense_0", "coding", "dense_2", "output"), names);
        for (Report report : reports) {
            assertEquals(names, report.statistics().stream().map(LayerStatistics::layer).toList());
            for (LayerStatistics s : report.statistics()) {
                int index = names.indexOf(s.layer());
                long weights = model[0].network().getLayer(index).getParam("W").length();
                assertEquals(weights, s.weights().total(), s.layer());
                assertEquals(0, s.weights().nonFinite());
                assertTrue(s.weights().max() > s.weights().min(), s.layer() + " " + s.weights());
                assertEquals(LayerStatisticsCollector.BINS, s.activations().bins());
                long activations = s.activations().total();
                int layerWidth = model[0].layerWidth(s.layer());
                assertTrue(activations > 0 && activations % layerWidth == 0, activations + " for width " + layerWidth);
                assertTrue(Double.isFinite(s.activations().min()) && Double.isFinite(s.activations().max()));
                assertTrue(s.updateRatio() > 0 && s.updateRatio() < 1, s.layer() + " ratio " + s.updateRatio());
                assertTrue(Double.isFinite(s.log10UpdateRatio()));
            }
        }
    }

    /** With plain SGD and one mini-batch per epoch the ratio is |params after - params before| / |params after|. */
    @Test
    void theUpdateRatioIsTheStepTheOptimizerTookOverTheParameters() throws TrainingException {
        ModelSpec spec = TinyData.smallSpec().withTraining(t -> t.epochs(1).batchSize(100)
                .optimizer(new OptimizerSpec(OptimizerSpec.Type.SGD, 0.5, 0)));
        INDArray before = NetworkFactory.build(spec, MATRIX.movieCount()).params().dup();
        Dl4jTrainedModel[] model = new Dl4jTrainedModel[1];
        List<Report> reports = train(spec, model);
        MultiLayerNetwork network = model[0].network();
        INDArray after = network.params();
        long offset = 0;
        List<LayerStatistics> statistics = reports.get(0).statistics();
        for (int i = 0; i < network.getnLayers(); i++) {
            long n = network.getLayer(i).numParams();
            INDArray a = after.get(NDArrayIndex.interval(offset, offset + n));
            INDArray b = before.get(NDArrayIndex.interval(offset, offset + n));
            double expected = a.sub(b).norm1Number().doubleValue() / a.norm1Number().doubleValue();
            assertEquals(expected, statistics.get(i).updateRatio(), expected * 1e-3, statistics.get(i).layer());
            offset += n;
        }
    }

    @Test
    void aLargeLayerIsReadOnAFixedSeededSampleOnePositionInEachStride() {
        long length = 9_724L * 1_024;
        int[] positions = LayerStatisticsCollector.sample(length, 7);
        assertEquals(LayerStatisticsCollector.SAMPLE, positions.length);
        for (int i = 0; i < positions.length; i++) {
            long from = length * i / positions.length;
            long to = length * (i + 1) / positions.length;
            assertTrue(positions[i] >= from && positions[i] < to, "position " + i + " = " + positions[i]);
        }
        assertArrayEquals(positions, LayerStatisticsCollector.sample(length, 7), "the same positions every epoch");
        assertFalse(Arrays.equals(positions, LayerStatisticsCollector.sample(length, 8)), "another seed, other positions");
        assertNull(LayerStatisticsCollector.sample(LayerStatisticsCollector.SAMPLE, 7), "a small layer is read whole");
    }

    @Test
    void aWideLayersWeightHistogramCountsTheSample() throws TrainingException {
        RatingMatrix wide = TinyData.fourGroupMatrix(40, 2500, 11);
        ModelSpec spec = TinyData.smallSpec().withTraining(t -> t.epochs(1));
        List<List<LayerStatistics>> reports = new ArrayList<>();
        Dl4jTrainedModel model = new Trainer(spec, wide, TrainingPlan.reference(spec, wide)).train(new TrainingListener() {
            @Override
            public void layerStatistics(int epoch, List<LayerStatistics> statistics) {
                reports.add(statistics);
            }
        }, new RunControl());
        for (LayerStatistics s : reports.get(0)) {
            long weights = model.network().getLayer(model.layerNames().indexOf(s.layer())).getParam("W").length();
            assertEquals(Math.min(weights, LayerStatisticsCollector.SAMPLE), s.weights().total(), s.layer() + " of " + weights);
            assertTrue(s.updateRatio() > 0 && s.updateRatio() < 1, s.layer() + " ratio " + s.updateRatio());
        }
    }
}
